import { create } from 'zustand';
import type { Member, ValidationStatus } from '../../../shared/domain/validation';
import type { ValidationListItem } from '../../../shared/ipc/contract';
import { call } from '../api';
import { errorWording, type Wording } from '../components/wording';

export type ValidationFilters = { status?: ValidationStatus; scheduledFrom?: string; scheduledTo?: string };

type MembersState = {
  members: Member[];
  /** The validations the filters let through, with where each went after submission. */
  validations: ValidationListItem[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: Wording | null;
  filters: ValidationFilters;
  load: () => Promise<void>;
  setFilters: (filters: ValidationFilters) => Promise<void>;
};

/** Members and their validations, as shown on the home screen. */
export const useMembersStore = create<MembersState>((set, get) => ({
  members: [],
  validations: [],
  status: 'idle',
  error: null,
  filters: {},
  setFilters: async (filters) => {
    set({ filters });
    await get().load();
  },
  load: async () => {
    set({ status: 'loading', error: null });
    try {
      const [members, validations] = await Promise.all([
        call('members:list', {}),
        call('validations:list', get().filters),
      ]);
      set({ members, validations, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorWording(error) });
    }
  },
}));
