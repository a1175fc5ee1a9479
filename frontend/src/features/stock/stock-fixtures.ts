import type { UserDto, VehicleDto, VehicleListPage, VehicleWithDealsDto } from '@autofunnel/shared';
import type { AuthState } from '../auth/auth-slice';
import { signedInAsAnna } from '../../test/fixtures';

/** Anna is a manager; the same user as a team lead and as an admin. */
export const signedInAs = (role: UserDto['role']): AuthState => ({ ...signedInAsAnna, user: { ...signedInAsAnna.user!, role } });

export function vehicle(overrides: Partial<VehicleDto> & Pick<VehicleDto, 'id'>): VehicleDto {
  return {
    vin: 'TMBJJ7NE8L0123456',
    make: 'Skoda',
    model: 'Octavia',
    year: 2020,
    mileage: 41_000,
    colour: 'Moon white',
    price: 1_850_000,
    status: 'in_stock',
    version: 3,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
    ...overrides,
  };
}

export const octavia = vehicle({ id: 'v-octavia' });
export const rav4 = vehicle({ id: 'v-rav4', vin: 'JTMW43FV40D012345', make: 'Toyota', model: 'RAV4', year: 2022, mileage: 12_500, colour: null, price: 3_200_000, status: 'reserved' });
export const golf = vehicle({ id: 'v-golf', vin: 'WVWZZZ1KZ9W000001', make: 'Volkswagen', model: 'Golf', year: 2019, mileage: 88_000, price: 1_250_000, status: 'sold' });

export function page(items: VehicleDto[], nextCursor: string | null = null, total = items.length): VehicleListPage {
  return { items, nextCursor, total };
}

export const octaviaWithDeals: VehicleWithDealsDto = {
  ...octavia,
  deals: [
    {
      dealId: 'd-ivan',
      code: 'D-1001',
      title: 'Octavia for Ivan',
      status: 'open',
      responsible: { id: 'u-boris', name: 'Boris Ivanov' },
      via: 'test_drive',
      id: 'td-1',
      recordStatus: 'scheduled',
      at: '2026-11-20T10:00:00.000Z',
    },
    {
      dealId: 'd-maria',
      code: 'D-1002',
      title: 'Family car for Maria',
      status: 'lost',
      responsible: null,
      via: 'offer',
      id: 'of-1',
      recordStatus: 'withdrawn',
      at: '2026-11-12T10:00:00.000Z',
    },
  ],
};
