/** The demo dealership: fixed lists the seed draws from with a seeded random generator. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_BRANCHES = ['Central showroom', 'North branch'] as const;

export const DEMO_USERS = [
  { email: 'admin@demo.local', name: 'Alex Admin', role: 'admin', branch: 0, phoneExtension: '100' },
  { email: 'lead@demo.local', name: 'Lena Petrova', role: 'lead', branch: 0, phoneExtension: '101' },
  { email: 'anna@demo.local', name: 'Anna Smirnova', role: 'manager', branch: 0, phoneExtension: '102' },
  { email: 'boris@demo.local', name: 'Boris Ivanov', role: 'manager', branch: 0, phoneExtension: '103' },
] as const;

export const DEMO_SOURCES = ['Website', 'Phone call', 'Walk-in', 'AutoScout24', 'Mobile.de', 'Cars.com', 'Facebook Ads', 'Referral'];

export const SERVICE_STAGES = [
  { name: 'Unassigned', color: '#9e9e9e', kind: 'unassigned' },
  { name: 'Booking', color: '#42a5f5', kind: 'open' },
  { name: 'In the workshop', color: '#ffa726', kind: 'open' },
  { name: 'Ready for pick-up', color: '#26c6da', kind: 'open' },
  { name: 'Completed', color: '#66bb6a', kind: 'won' },
] as const;

export const FIRST_NAMES = ['Maria', 'James', 'Sophie', 'Daan', 'Lucas', 'Emma', 'Olga', 'Ivan', 'Nora', 'Lars', 'Camille', 'Hugo', 'Ingrid', 'Sergei', 'Julia', 'Thomas', 'Fatima', 'Mehmet', 'Chloé', 'Pieter', 'Anastasia', 'Mikhail', 'Sara', 'Jonas'];
export const LAST_NAMES = ['Jansen', 'de Vries', 'Smith', 'Johnson', 'Dubois', 'Martin', 'Hansen', 'Berg', 'Kuznetsova', 'Popov', 'Bakker', 'Visser', 'Moreau', 'Lefebvre', 'Olsen', 'Nilsen', 'Garcia', 'Yilmaz', 'Novak', 'Fischer'];
export const COMPANY_NAMES = ['Van Dijk Logistics', 'Nordic Fleet AS', 'Boulangerie Moreau', 'Sunrise Taxi', 'Harbor Construction', 'GreenLeaf Gardens', 'Atlas Couriers'];

export const VEHICLES = [
  { label: 'Skoda Octavia Combi', price: 31500 },
  { label: 'Kia Sportage Hybrid', price: 38900 },
  { label: 'Toyota RAV4 Plug-in', price: 47200 },
  { label: 'Volkswagen ID.4', price: 44500 },
  { label: 'Hyundai Tucson', price: 35400 },
  { label: 'BMW 320d Touring', price: 52800 },
  { label: 'Renault Clio', price: 19900 },
  { label: 'Volvo XC60 B5', price: 58300 },
  { label: 'Ford Transit Custom', price: 41200 },
  { label: 'Tesla Model 3', price: 42990 },
];

export const SERVICE_JOBS = ['Annual service', 'Winter tyres', 'Brake pads', 'Warranty repair', 'Windscreen chip', 'Air-conditioning check'];

export const LOST_REASONS = ['Bought elsewhere', 'Unreachable', 'Refused: price', 'Invalid / duplicate', 'Postponed purchase'];

/** Area codes of real US numbering plans, so every generated phone passes validation. */
export const AREA_CODES = ['212', '312', '415', '617', '646', '718', '773', '917', '305', '206'];

/** mulberry32: a tiny seeded generator, so every seed produces the same dealership. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
