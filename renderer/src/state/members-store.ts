import { create } from 'zustand';
import type { Member, ValidationSummary } from '../../../shared/domain/validation';
import { call, errorMessage } from '../api';

type MembersState = {
  members: Member[];
  validations: ValidationSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: () => Promise<void>;
};

/** Members and their validations, as shown on the home screen. */
export const useMembersStore = create<MembersState>((set) => ({
  members: [],
  validations: [],
  status: 'idle',
  error: null,
  load: async () => {
    set({ status: 'loading', error: null });
    try {
      const [members, validations] = await Promise.all([call('members:list', {}), call('validations:list', {})]);
      set({ members, validations, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
