import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { describeError } from './describe-error';
import { BoardSkeleton, RowsSkeleton } from '../components/Skeleton';
import { ErrorMessage } from '../components/StatusMessage';
import { Toasts } from '../components/Toasts';
import { AdminNav } from '../features/admin/AdminNav';
import { ChannelsPage } from '../features/admin/channels/ChannelsPage';
import { DealTypesPage } from '../features/admin/deal-types/DealTypesPage';
import { SourcesPage } from '../features/admin/sources/SourcesPage';
import { LoginPage } from '../features/auth/LoginPage';
import { selectCurrentUser, selectToken } from '../features/auth/auth-slice';
import { BoardPage } from '../features/board/BoardPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { DealPage } from '../features/deal-page/DealPage';
import { LostReasonsPage } from '../features/admin/lost-reasons/LostReasonsPage';
import { TrashPage } from '../features/admin/trash/TrashPage';
import { MyDayPage } from '../features/my-day/MyDayPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { StockPage } from '../features/stock/StockPage';
import { VehiclePage } from '../features/stock/VehiclePage';
import { ImportPage } from '../features/imports/ImportPage';
import { AccountPage } from '../features/account/AccountPage';
import { BranchesPage } from '../features/users-admin/BranchesPage';
import { UsersPage } from '../features/users-admin/UsersPage';
import { InflowPage } from '../features/inflow/InflowPage';
import { useGetFunnelsQuery } from '../features/funnels/funnels-api';
import { AppHeader } from './AppHeader';

// The charts library is the biggest dependency: only those who open Insights load it.
const InsightsPage = lazy(() => import('../features/insights/InsightsPage').then((module) => ({ default: module.InsightsPage })));
import { DragAndDrop } from './DragAndDrop';
import { useAppSelector } from './store';

/** Where the user was headed before being sent to sign in. */
interface FromState {
  from?: string;
}

function LoginRoute() {
  const token = useAppSelector(selectToken);
  const location = useLocation();
  if (token) return <Navigate to={(location.state as FromState | null)?.from ?? '/'} replace />;
  return <LoginPage />;
}

/** Signed in: the app's frame around the page. Signed out: to the login page, and back after. */
function SignedInFrame() {
  const token = useAppSelector(selectToken);
  const location = useLocation();
  if (!token) {
    const from = location.pathname === '/' && !location.search ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from } satisfies FromState} />;
  }
  return (
    <DragAndDrop>
      <div className="app">
        <AppHeader />
        <main className="app__main">
          <Outlet />
        </main>
      </div>
    </DragAndDrop>
  );
}

/** The admin pages with their tabs; anyone else is told they are for administrators. */
function AdminFrame() {
  const user = useAppSelector(selectCurrentUser);
  if (user?.role !== 'admin') {
    return (
      <div className="empty-state">
        <p className="empty-state__title">Only administrators can open the admin pages</p>
        <p>
          <Link to="/">Go to the board</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="admin-page">
      <AdminNav />
      <Outlet />
    </div>
  );
}

/** "/": the first funnel's board. */
function FirstFunnel() {
  const { data: funnels, isLoading, error, refetch } = useGetFunnelsQuery();
  // A shared link to "/" with board filters keeps them (e.g. /?responsibleId=me&groupBy=source).
  const { search } = useLocation();
  if (isLoading) return <BoardSkeleton />;
  if (!funnels) return <ErrorMessage title="Could not load the funnels." detail={describeError(error)} onRetry={refetch} />;
  if (funnels.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">There are no funnels yet</p>
        <p>An administrator can create one.</p>
      </div>
    );
  }
  return <Navigate to={`/funnels/${funnels[0].id}${search}`} replace />;
}

function NotFound() {
  return (
    <div className="empty-state">
      <p className="empty-state__title">This page does not exist</p>
      <p>
        <a href="/">Go to the board</a>
      </p>
    </div>
  );
}

/**
 * The routes: /login; /funnels/:funnelId (a board; "/" opens the first funnel); a deal's page at
 * /deals/:dealId (older /funnels/:funnelId/deals/:dealId and ?deal=<id> links forward there); a
 * contact at /contacts/:contactId; /my-day; /stock and /stock/:vehicleId; /imports; /outbox; /inflow; /insights; /account; the
 * admin pages /admin/users, /admin/branches, /admin/channels, /admin/sources, /admin/lost-reasons, /admin/deal-types and /admin/trash.
 */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route element={<SignedInFrame />}>
          <Route index element={<FirstFunnel />} />
          <Route path="funnels" element={<FirstFunnel />} />
          <Route path="funnels/:funnelId" element={<BoardPage />} />
          <Route path="funnels/:funnelId/deals/:dealId" element={<BoardPage />} />
          <Route path="deals/:dealId" element={<DealPage />} />
          <Route path="contacts/:contactId" element={<ContactPage />} />
          <Route path="my-day" element={<MyDayPage />} />
          <Route path="stock" element={<StockPage />} />
          <Route path="stock/:vehicleId" element={<VehiclePage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="imports" element={<ImportPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="inflow" element={<InflowPage />} />
          <Route
            path="insights"
            element={
              <Suspense fallback={<RowsSkeleton />}>
                <InsightsPage />
              </Suspense>
            }
          />
          <Route path="admin" element={<AdminFrame />}>
            <Route index element={<Navigate to="channels" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="branches" element={<BranchesPage />} />
            <Route path="channels" element={<ChannelsPage />} />
            <Route path="sources" element={<SourcesPage />} />
            <Route path="lost-reasons" element={<LostReasonsPage />} />
            <Route path="deal-types" element={<DealTypesPage />} />
            <Route path="trash" element={<TrashPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
      <Toasts />
    </BrowserRouter>
  );
}
