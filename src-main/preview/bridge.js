// The browser preview's stand-in for the Electron preload: the same single `invoke`, carried over
// a loopback HTTP call that presents the token the preview printed in its URL.
(() => {
  const KEY = 'kitchenguard-preview-token';
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(KEY) || '';
  const unavailable = (message) => ({ ok: false, error: { kind: 'unavailable', message } });

  async function invoke(channel, input) {
    let response;
    try {
      response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kitchenguard-token': token },
        body: JSON.stringify({ channel, input: input === undefined ? null : input }),
      });
    } catch {
      return unavailable(
        'The KitchenGuard preview is not running. Start it again (npm start): this page reconnects by itself.',
      );
    }
    if (response.status === 401) {
      return unavailable(
        'This page has an old access token (the preview was given a new one). Open the address it printed last.',
      );
    }
    // 413 and the like answer in plain text: pass the reason on as data, as every error is.
    if (!response.ok) return unavailable(await response.text());
    return response.json();
  }

  Object.defineProperty(window, 'kitchenGuard', { value: Object.freeze({ invoke }), enumerable: false });
})();
