import { useAppDispatch } from '../../app/store';
import { loggedOut } from './auth-slice';

export function LogoutButton() {
  const dispatch = useAppDispatch();
  return (
    <button type="button" className="button button--secondary" onClick={() => dispatch(loggedOut())}>
      Log out
    </button>
  );
}
