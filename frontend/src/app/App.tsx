import { LoginPage } from '../features/auth/LoginPage';
import { selectToken } from '../features/auth/auth-slice';
import { FunnelsPage } from '../features/funnels/FunnelsPage';
import { AppHeader } from './AppHeader';
import { useAppSelector } from './store';

/** Signed out: the login page. Signed in: the funnels. */
export function App() {
  const token = useAppSelector(selectToken);
  if (!token) return <LoginPage />;
  return (
    <div className="app">
      <AppHeader />
      <main className="app__main">
        <FunnelsPage />
      </main>
    </div>
  );
}
