import { useEffect, useState, type KeyboardEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';

/**
 * A name edited in place in an admin list (sources, lost reasons): Enter or leaving the field
 * saves, Escape undoes; a refusal puts the saved name back and says why.
 */
export function useRenameInPlace(savedName: string, rename: (name: string) => Promise<unknown>) {
  const dispatch = useAppDispatch();
  const [name, setName] = useState(savedName);
  const [problem, setProblem] = useState<string | null>(null);

  // renamed on the server (here or by another admin): show it
  useEffect(() => setName(savedName), [savedName]);

  const save = () => {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === savedName) return setName(savedName);
    setProblem(null);
    rename(trimmed)
      .then(() => dispatch(toastShown({ kind: 'success', text: `Renamed “${savedName}” to “${trimmed}”.` })))
      .catch((failure: FetchBaseQueryError) => {
        setName(savedName);
        setProblem(`Could not rename “${savedName}”. ${describeError(failure)}`);
      });
  };

  const inputProps = {
    value: name,
    onChange: (event: { target: { value: string } }) => setName(event.target.value),
    onBlur: save,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        event.currentTarget.blur();
      }
      if (event.key === 'Escape') setName(savedName);
    },
  };
  return { inputProps, problem };
}
