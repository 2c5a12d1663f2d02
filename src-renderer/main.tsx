import { createRoot } from 'react-dom/client';

function App() {
  return <p>KitchenGuard</p>;
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
