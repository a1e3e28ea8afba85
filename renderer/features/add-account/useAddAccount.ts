/** Sends a new account to main and keeps main's specific error sentence for the form to show inline. */
import { useState } from 'react';
import type { InputOf } from '../../../common/ipc/contract';
import type { AccountMeta } from '../../../common/otp/types';
import { ApiError, bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-text';

export interface AddState {
  saving: boolean;
  error: { code: string; message: string } | null;
  add(input: InputOf<'accounts.add'>): Promise<AccountMeta | null>;
  clearError(): void;
}

export function useAddAccount(): AddState {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AddState['error']>(null);
  const add = async (input: InputOf<'accounts.add'>) => {
    setSaving(true);
    setError(null);
    try {
      return await unwrap(bridge().accounts.add(input));
    } catch (err) {
      setError({ code: err instanceof ApiError ? err.code : 'internal', message: errorMessage(err) });
      return null;
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, add, clearError: () => setError(null) };
}
