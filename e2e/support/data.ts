/** The people and stock the specs use, with the values the screens must show for them. */
import type { Area } from '../../shared/domain';

export interface Account {
  restaurantName: string;
  restaurantType: string;
  fullName: string;
  position: string;
  username: string;
  email: string;
  password: string;
  /** ISO 4217 code chosen at registration; left out, the form's suggestion (the locale's) stays. */
  currency?: string;
}

export interface ItemSpec {
  area: Area;
  name: string;
  category: string;
  supplier: string;
  unit: string;
  unitCost: string;
  par: string;
  openingStock: string;
}

export const OWNER: Account = {
  restaurantName: 'The Copper Pot',
  restaurantType: 'Restaurant',
  fullName: 'Ada Owner',
  position: 'Head chef',
  username: 'ada',
  email: 'ada@copperpot.test',
  password: 'copper-pot-2026',
};

const item = (area: Area, fields: Omit<ItemSpec, 'area'>): ItemSpec => ({ area, ...fields });

export const TOMATOES = item('kitchen', {
  name: 'Tomatoes, vine',
  category: 'Produce',
  supplier: 'Green Valley Farms',
  unit: 'kg',
  unitCost: '3.20',
  par: '10',
  openingStock: '12',
});

export const OLIVE_OIL = item('kitchen', {
  name: 'Olive oil, extra virgin',
  category: 'Oils',
  supplier: 'Mediterraneo Imports',
  unit: 'bottle',
  unitCost: '19.99',
  par: '2',
  openingStock: '0',
});

export const FLOUR = item('kitchen', {
  name: 'Flour, 00',
  category: 'Dry goods',
  supplier: 'Mill & Sons',
  unit: 'bag',
  unitCost: '24.50',
  par: '2',
  openingStock: '5',
});

export const GIN = item('bar', {
  name: 'Gin, London dry',
  category: 'Spirits',
  supplier: 'Bottle Shop Co',
  unit: 'bottle',
  unitCost: '27.45',
  par: '6',
  openingStock: '8',
});

export const LIMES = item('bar', {
  name: 'Limes',
  category: 'Garnish',
  supplier: 'Green Valley Farms',
  unit: 'each',
  unitCost: '0.35',
  par: '40',
  openingStock: '60',
});

/** A team member an owner adds. */
export interface Member {
  fullName: string;
  position: string;
  username: string;
  email: string;
  role: 'Owner' | 'Manager' | 'Staff';
  password: string;
}

export const STAFF: Member = {
  fullName: 'Sam Porter',
  position: 'Line cook',
  username: 'sam',
  email: 'sam@copperpot.test',
  role: 'Staff',
  password: 'first-password-1',
};

export const SOUS_CHEF: Member = {
  fullName: 'Mia Sous',
  position: 'Sous chef',
  username: 'mia',
  email: 'mia@copperpot.test',
  role: 'Staff',
  password: 'mia-password-22',
};

/** Long names as real suppliers and products have them: shown whole on a 1,366 px laptop. */
export const OLIVE_OIL_TIN = item('kitchen', {
  name: 'Olive oil, extra virgin, 5 L tin',
  category: 'Oils & vinegars',
  supplier: 'Mediterraneo Fine Foods Importers Ltd',
  unit: 'tin',
  unitCost: '64.90',
  par: '2',
  openingStock: '3',
});
