import { Route, Routes, useLocation } from 'react-router-dom';
import { Shell } from './layout/Shell';
import { useSession } from './session';
import { Loading, NotFound } from './components/status';
import { SignIn } from './pages/SignIn';
import { EnrolStep, SecondFactorStep } from './pages/mfa/SignInSteps';
import { Home } from './pages/Home';
import { Organizations } from './pages/Organizations';
import { OrganizationPage } from './pages/OrganizationPage';
import { Users } from './pages/Users';
import { AuditLog } from './pages/AuditLog';
import { Account } from './pages/Account';
import { Invite } from './pages/Invite';
import { catalogRoutes } from './pages/catalog/routes';
import { statementRoutes } from './pages/statements/routes';
import { evidenceRoutes } from './pages/evidence/routes';
import { gapRoutes } from './pages/gap/routes';
import { Guard } from './components/guard';

export function App() {
  const { session, loading } = useSession();
  const { pathname } = useLocation();
  if (loading) return <Loading />;
  // An invitation link opens the same way signed in or not (it may be for someone without an account yet).
  if (pathname === '/invite') return <Invite />;
  if (!session) return <SignIn />;
  // Between the password and the second factor (or a factor the user must set up) the session may do nothing else.
  if (session.signInStep === 'second_factor') return <SecondFactorStep />;
  if (session.signInStep === 'enrol') return <EnrolStep />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Home />} />
        {catalogRoutes}
        {statementRoutes}
        {evidenceRoutes}
        {gapRoutes}
        <Route path="/organizations/:id" element={<OrganizationPage />} />
        <Route
          path="/organizations/:id/audit"
          element={
            <Guard page="orgAudit">
              <AuditLog />
            </Guard>
          }
        />
        <Route
          path="/admin/organizations"
          element={
            <Guard page="organizations">
              <Organizations />
            </Guard>
          }
        />
        <Route
          path="/admin/users"
          element={
            <Guard page="users">
              <Users />
            </Guard>
          }
        />
        <Route
          path="/admin/audit"
          element={
            <Guard page="auditLog">
              <AuditLog />
            </Guard>
          }
        />
        <Route path="/account" element={<Account />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
}
