import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { selectCurrentUser } from '../auth/auth-slice';
import { useGetMeQuery, useUpdateMeMutation } from './account-api';
import './account.css';

/**
 * The manager's "On duty" switch: while on, automatic distribution may hand them new deals.
 * Shown to managers only (distribution picks managers); it flips at once and flips back if refused.
 */
export function OnDutySwitch() {
  const dispatch = useAppDispatch();
  const role = useAppSelector(selectCurrentUser)?.role;
  const { data: me } = useGetMeQuery(undefined, { skip: role !== 'manager' });
  const [updateMe] = useUpdateMeMutation();
  if (role !== 'manager' || !me) return null;

  const toggle = () => {
    const onDuty = !me.onDuty;
    updateMe({ onDuty })
      .unwrap()
      .catch((failure: FetchBaseQueryError) =>
        dispatch(toastShown({ kind: 'error', text: `Could not go ${onDuty ? 'on' : 'off'} duty. ${describeError(failure)}` })),
      );
  };

  return (
    <button
      type="button"
      role="switch"
      aria-checked={me.onDuty}
      className={`duty-switch${me.onDuty ? ' duty-switch--on' : ''}`}
      title={me.onDuty ? 'New requests may be assigned to you automatically' : 'You receive no automatically assigned requests'}
      onClick={toggle}
    >
      <span className="duty-switch__track" aria-hidden="true">
        <span className="duty-switch__thumb" />
      </span>
      On duty
    </button>
  );
}
