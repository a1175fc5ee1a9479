/** The demo dealership: fixed lists the seed draws from with a seeded random generator. */
import type { StageRequirement } from '@autofunnel/shared';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_BRANCHES = ['Central showroom', 'North branch'] as const;

export const DEMO_USERS = [
  { email: 'admin@demo.local', name: 'Alex Admin', role: 'admin', branch: 0, phoneExtension: '100' },
  { email: 'lead@demo.local', name: 'Lena Petrova', role: 'lead', branch: 0, phoneExtension: '101' },
  { email: 'anna@demo.local', name: 'Anna Smirnova', role: 'manager', branch: 0, phoneExtension: '102' },
  { email: 'boris@demo.local', name: 'Boris Ivanov', role: 'manager', branch: 0, phoneExtension: '103' },
] as const;

export const DEMO_SOURCES = ['Website', 'Phone call', 'Walk-in', 'AutoScout24', 'Mobile.de', 'Cars.com', 'Facebook Ads', 'Referral'];

/** A service job booked is usually done: the chances rise fast. */
export const SERVICE_STAGES = [
  { name: 'Unassigned', color: '#9e9e9e', kind: 'unassigned', winProbability: 20 },
  { name: 'Booking', color: '#42a5f5', kind: 'open', winProbability: 60 },
  { name: 'In the workshop', color: '#ffa726', kind: 'open', winProbability: 90 },
  { name: 'Ready for pick-up', color: '#26c6da', kind: 'open', winProbability: 95 },
  { name: 'Completed', color: '#66bb6a', kind: 'won', winProbability: 100 },
] as const;

/**
 * The showroom's process: untaken requests turn amber after 15 minutes and go to the team lead
 * after 30; a test drive needs to know the car, the contract an offer; an open deal idle for
 * two weeks is rotten. Distribution stays off: the managers take requests themselves.
 */
export const SHOWROOM_SETTINGS = { distribution: 'off', slaWarnMinutes: 15, slaEscalateMinutes: 30 } as const;
export const SHOWROOM_REQUIRED_FIELDS: Readonly<Record<string, readonly StageRequirement[]>> = {
  'Test drive': ['vehicleInterest'],
  'Contract & payment': ['offer'],
};
export const SHOWROOM_ROT_AFTER_DAYS = 14;

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

/**
 * The showroom's stock: new and used cars of the makes customers ask about, with real-world
 * manufacturer codes and valid VINs (the US-built Teslas carry a correct check digit).
 */
export const DEMO_STOCK = [
  { vin: 'TMBJJ7NX5RZ112246', make: 'Skoda', model: 'Octavia Combi', year: 2024, mileage: 12, colour: 'Moon white', price: 31500, status: 'in_stock' },
  { vin: 'TMBJG7NE1MP120165', make: 'Skoda', model: 'Octavia Combi', year: 2021, mileage: 48200, colour: 'Race blue', price: 22900, status: 'in_stock' },
  { vin: 'TMBJR7NX8PZ128084', make: 'Skoda', model: 'Octavia Combi', year: 2023, mileage: 15800, colour: 'Graphite grey', price: 27400, status: 'sold' },
  { vin: 'U5YPU81BDS7136003', make: 'Kia', model: 'Sportage Hybrid', year: 2025, mileage: 25, colour: 'Snow white pearl', price: 38900, status: 'in_stock' },
  { vin: 'U5YPV81AGP7143922', make: 'Kia', model: 'Sportage Hybrid', year: 2023, mileage: 21400, colour: 'Experience green', price: 31200, status: 'reserved' },
  { vin: 'JTMAB3FV1SD151841', make: 'Toyota', model: 'RAV4 Plug-in', year: 2025, mileage: 10, colour: 'Pure white', price: 47200, status: 'in_stock' },
  { vin: 'JTMEB3FV3ND159760', make: 'Toyota', model: 'RAV4 Plug-in', year: 2022, mileage: 39800, colour: 'Dynamic grey', price: 36900, status: 'in_stock' },
  { vin: 'WVGZZZE2ZRP167679', make: 'Volkswagen', model: 'ID.4', year: 2024, mileage: 8, colour: 'Glacier white', price: 44500, status: 'in_stock' },
  { vin: 'WVGZZZE2ZNP175598', make: 'Volkswagen', model: 'ID.4', year: 2022, mileage: 33600, colour: 'Kings red', price: 31800, status: 'sold' },
  { vin: 'TMAJ381AASJ183517', make: 'Hyundai', model: 'Tucson', year: 2025, mileage: 15, colour: 'Phantom black', price: 35400, status: 'in_stock' },
  { vin: 'TMAJ3815BMJ191436', make: 'Hyundai', model: 'Tucson', year: 2021, mileage: 61200, colour: 'Shimmering silver', price: 21900, status: 'in_stock' },
  { vin: 'WBA31FT00RF199355', make: 'BMW', model: '320d Touring', year: 2024, mileage: 20, colour: 'Alpine white', price: 52800, status: 'in_stock' },
  { vin: 'WBA8K1100LA207274', make: 'BMW', model: '320d Touring', year: 2020, mileage: 88500, colour: 'Mineral grey', price: 24500, status: 'reserved' },
  { vin: 'VF1RJA005S6215193', make: 'Renault', model: 'Clio', year: 2025, mileage: 12, colour: 'Flame red', price: 19900, status: 'in_stock' },
  { vin: 'VF1RJA006N6223112', make: 'Renault', model: 'Clio', year: 2022, mileage: 27300, colour: 'Iron blue', price: 14900, status: 'in_stock' },
  { vin: 'VF1RJA007K6231031', make: 'Renault', model: 'Clio', year: 2019, mileage: 73100, colour: 'Urban grey', price: 10400, status: 'sold' },
  { vin: 'YV1UZL1V1S1238950', make: 'Volvo', model: 'XC60 B5', year: 2025, mileage: 30, colour: 'Crystal white', price: 58300, status: 'in_stock' },
  { vin: 'YV1UZK1V2P1246869', make: 'Volvo', model: 'XC60 B5', year: 2023, mileage: 24100, colour: 'Denim blue', price: 46200, status: 'in_stock' },
  { vin: 'WF0EXXTTRRK254788', make: 'Ford', model: 'Transit Custom', year: 2024, mileage: 40, colour: 'Frozen white', price: 41200, status: 'in_stock' },
  { vin: 'WF0YXXTTGLK262707', make: 'Ford', model: 'Transit Custom', year: 2020, mileage: 112400, colour: 'Blue metallic', price: 21800, status: 'in_stock' },
  { vin: '5YJ3E1EA6PF270626', make: 'Tesla', model: 'Model 3', year: 2023, mileage: 18700, colour: 'Pearl white', price: 36900, status: 'in_stock' },
  { vin: '5YJ3E1EB7MF278545', make: 'Tesla', model: 'Model 3', year: 2021, mileage: 52300, colour: 'Midnight silver', price: 27900, status: 'sold' },
  { vin: '5YJ3F7EA5RF286464', make: 'Tesla', model: 'Model 3', year: 2024, mileage: 9200, colour: 'Solid black', price: 40500, status: 'reserved' },
  { vin: 'VR3MRHNSZRS294383', make: 'Peugeot', model: '3008 Hybrid', year: 2024, mileage: 6100, colour: 'Okenite white', price: 39800, status: 'in_stock' },
  { vin: 'W1K206210NR302302', make: 'Mercedes-Benz', model: 'C 220 d Estate', year: 2022, mileage: 45600, colour: 'Obsidian black', price: 38700, status: 'reserved' },
] as const;

/** Customers' cars offered in part exchange; one came without papers, so without a VIN. */
export const DEMO_TRADE_INS = [
  { make: 'Volkswagen', model: 'Golf', year: 2015, vin: 'WVWZZZAUZFW204513', mileage: 128000, appraisalValue: 8900, notes: 'Full service history; worn front tyres' },
  { make: 'Opel', model: 'Astra', year: 2013, vin: 'W0LPD6EC2DG071245', mileage: 154300, appraisalValue: 4200, notes: 'Dent in the driver door' },
  { make: 'Toyota', model: 'Yaris', year: 2016, vin: 'VNKKL3D300A512345', mileage: 87600, appraisalValue: 7600, notes: null },
  { make: 'Ford', model: 'Focus', year: 2012, vin: 'WF0LXXGCBLCD12345', mileage: 176500, appraisalValue: 3100, notes: 'Clutch slipping' },
  { make: 'Renault', model: 'Mégane', year: 2011, vin: null, mileage: 201000, appraisalValue: 1500, notes: 'Registration papers to follow' },
  { make: 'Nissan', model: 'Qashqai', year: 2017, vin: 'SJNFAAJ11U1234567', mileage: 96400, appraisalValue: 10800, notes: null },
] as const;

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
