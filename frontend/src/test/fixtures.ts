import type { BoardDto, DealDto, DealTypeDto, FunnelDto, LoginResponse, StageDto, UserDto } from '@autofunnel/shared';
import type { AuthState } from '../features/auth/auth-slice';

export const anna: UserDto = {
  id: '6d1b3c1e-0000-4000-8000-000000000001',
  email: 'anna@demo.local',
  name: 'Anna Petrova',
  role: 'manager',
  branchId: null,
};

export const annaLogin: LoginResponse = { accessToken: 'token-of-anna', user: anna };

export const signedInAsAnna: AuthState = { token: annaLogin.accessToken, user: anna, notice: null };

function stage(id: string, name: string, color: string, kind: StageDto['kind'], position: number): StageDto {
  return { id, name, color, kind, position, winProbability: null, rotAfterDays: null, requiredFields: [] };
}

export const showroom: FunnelDto = {
  id: 'funnel-showroom',
  name: 'Car showroom',
  distribution: 'off',
  slaWarnMinutes: null,
  slaEscalateMinutes: null,
  stages: [
    stage('st-unassigned', 'Unassigned', '#9e9e9e', 'unassigned', 0),
    stage('st-test-drive', 'Test drive', '#26c6da', 'open', 1),
    stage('st-delivered', 'Delivered', '#66bb6a', 'won', 2),
  ],
};

export const service: FunnelDto = {
  id: 'funnel-service',
  name: 'Service',
  distribution: 'off',
  slaWarnMinutes: null,
  slaEscalateMinutes: null,
  stages: [
    stage('sv-unassigned', 'New request', '#9e9e9e', 'unassigned', 0),
    stage('sv-in-work', 'In the workshop', '#ffa726', 'open', 1),
    stage('sv-done', 'Car returned', '#66bb6a', 'won', 2),
  ],
};

export function deal(overrides: Partial<DealDto> & Pick<DealDto, 'id' | 'code' | 'stageId'>): DealDto {
  return {
    title: 'Deal',
    funnelId: showroom.id,
    status: 'open',
    responsible: null,
    branchId: null,
    contact: { id: `contact-${overrides.id}`, name: 'Someone', kind: 'person', phones: [], emails: [] },
    sourceId: null,
    channel: null,
    type: null,
    amount: null,
    vehicleInterest: null,
    position: 'a0',
    version: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    lastActivityAt: '2026-11-01T10:00:00.000Z',
    deadlineAt: null,
    lostReason: null,
    closedAt: null,
    tradeInCount: 0,
    testDriveCount: 0,
    offerCount: 0,
    followUpUntil: null,
    trashedAt: null,
    newRequestAt: null,
    stageEnteredAt: '2026-11-01T10:00:00.000Z',
    takenAt: null,
    slaEscalatedAt: null,
    reassignmentFlaggedAt: null,
    ...overrides,
  };
}

/** The showroom board with limit=2: test drive holds 3 deals, only 2 of which are sent. */
export const showroomBoard: BoardDto = {
  funnel: showroom,
  columns: [
    {
      stageId: 'st-unassigned',
      count: 1,
      amountSum: 0,
      weightedAmountSum: 0,
      rottenCount: 0,
      nextCursor: null,
      deals: [
        deal({
          id: 'd1',
          code: 'D-1001',
          stageId: 'st-unassigned',
          contact: { id: 'c1', name: 'Ivan Sidorov', kind: 'person', phones: ['+79990000001'], emails: [] },
          vehicleInterest: 'Skoda Octavia',
        }),
      ],
    },
    {
      stageId: 'st-test-drive',
      count: 3,
      amountSum: 5400000,
      weightedAmountSum: 0,
      rottenCount: 0,
      nextCursor: 'cursor-2',
      deals: [
        deal({
          id: 'd2',
          code: 'D-1002',
          stageId: 'st-test-drive',
          contact: { id: 'c2', name: 'Maria Lebedeva', kind: 'person', phones: [], emails: ['m@example.com'] },
          vehicleInterest: 'Toyota RAV4',
          responsible: { id: anna.id, name: anna.name },
          amount: 3200000,
        }),
        deal({
          id: 'd3',
          code: 'D-1003',
          stageId: 'st-test-drive',
          contact: { id: 'c3', name: 'Oleg Kuznetsov', kind: 'person', phones: ['+79990000003'], emails: [] },
          responsible: { id: 'boris', name: 'Boris Ivanov' },
          amount: 2200000,
        }),
      ],
    },
    { stageId: 'st-delivered', count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, nextCursor: null, deals: [] },
  ],
};

export const serviceBoard: BoardDto = {
  funnel: service,
  columns: service.stages.map((s) => ({ stageId: s.id, count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, nextCursor: null, deals: [] })),
};

/** GET /api/deal-types: the five built-in types and one the dealership added. */
export const dealTypes: DealTypeDto[] = [
  { id: 'dt-internet', code: 'internet_lead', name: 'Internet lead', position: 0, system: true },
  { id: 'dt-phone', code: 'phone_up', name: 'Phone call', position: 1, system: true },
  { id: 'dt-chat', code: 'chat', name: 'Chat', position: 2, system: true },
  { id: 'dt-sms', code: 'sms', name: 'SMS', position: 3, system: true },
  { id: 'dt-walk-in', code: 'walk_in', name: 'Walk-in', position: 4, system: true },
  { id: 'dt-fleet', code: 'fleet_enquiry', name: 'Fleet enquiry', position: 5, system: false },
];
