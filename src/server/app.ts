import { OpenAPIHono } from '@hono/zod-openapi';
import { apiRouter } from './openapi';
import type { HonoEnv, ServerDeps } from './env';
import { handleError } from './error-handler';
import { authentication, requestContext, requireJsonWrites } from './middleware/request-context';
import { bodyLimit } from './middleware/body-limit';
import { securityHeaders } from './middleware/security-headers';
import { checkUrl } from './strict-input';
import { apiDocs } from './api-docs';
import { webApp } from './web-app';
import { authRoutes } from './routes/sessions/routes';
import { organizationRoutes } from './routes/organizations/routes';
import { userRoutes } from './routes/users/routes';
import { auditRoutes } from './routes/audit/routes';
import { catalogRoutes } from './routes/catalogs/routes';
import { catalogFileRoutes } from './routes/catalogs/files';
import { mappingRoutes } from './routes/mappings/routes';
import { invitationRoutes } from './routes/invitations/routes';
import { cloudServiceRoutes } from './routes/cloud-services/routes';
import { statementRoutes } from './routes/statements/routes';
import { statementItemRoutes } from './routes/statements/item-routes';
import { statementFileRoutes } from './routes/statements/file-routes';
import { mfaRoutes } from './routes/mfa/routes';
import { mfaSignInRoutes } from './routes/mfa/sign-in-routes';
import { passkeySignInRoutes } from './routes/mfa/passkey-sign-in-routes';
import { apiTokenRoutes } from './routes/api-tokens/routes';
import { evidenceRoutes } from './routes/evidence/routes';
import { evidenceFileRoutes, evidenceLimit, isEvidenceUpload, MULTIPART_ALLOWANCE } from './routes/evidence/files';
import { ssoRoutes } from './routes/sso/routes';
import { gapRoutes } from './routes/gap/routes';
import { remediationRoutes } from './routes/remediation/routes';
import { remediationOscalRoutes } from './routes/remediation/oscal-routes';

export type ApiRouteModule = () => OpenAPIHono<HonoEnv>;

/** Every API route module; the authorization matrix test walks the OpenAPI document these produce. */
export const apiModules: ApiRouteModule[] = [
  authRoutes,
  organizationRoutes,
  userRoutes,
  auditRoutes,
  catalogRoutes,
  catalogFileRoutes,
  mappingRoutes,
  invitationRoutes,
  cloudServiceRoutes,
  statementRoutes,
  statementItemRoutes,
  statementFileRoutes,
  mfaSignInRoutes,
  passkeySignInRoutes,
  mfaRoutes,
  apiTokenRoutes,
  evidenceRoutes,
  evidenceFileRoutes,
  ssoRoutes,
  gapRoutes,
  remediationRoutes,
  remediationOscalRoutes,
];

export function createServerApp(deps: ServerDeps, extraModules: ApiRouteModule[] = []) {
  const app = new OpenAPIHono<HonoEnv>();
  app.use('*', requestContext(deps));
  app.onError(handleError);
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    checkUrl(new URL(c.req.url));
    await next();
  });
  // Before authentication and every route: an anonymous request must not make the server buffer its body.
  app.use(
    '*',
    bodyLimit(deps.maxUploadBytes, (path) =>
      isEvidenceUpload(path) ? evidenceLimit(deps) + MULTIPART_ALLOWANCE : undefined,
    ),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok', database: deps.engineKind, version: deps.version }));

  const api = apiRouter();
  api.use('*', requireJsonWrites());
  api.use('*', authentication());
  for (const m of [...apiModules, ...extraModules]) api.route('/', m());
  registerSecuritySchemes(api);
  api.doc31('/openapi.json', openApiConfig(deps.version));
  api.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such API endpoint' } }, 404));
  app.route('/api/v1', api);
  app.route('/', apiDocs());
  app.route('/', webApp(deps.webDir));
  return app;
}

/**
 * A session cookie (the web app) or an API token (automation). Each operation lists the ones it accepts; a bearer
 * operation names the token scope it needs (`catalogs:read`), see src/server/token-scope.ts.
 */
function registerSecuritySchemes(api: ReturnType<typeof apiRouter>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'ismap_session',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'ismap_pat_…',
    description:
      'An API token (create one on the account page or with `ismap token create`). It acts as its user in its ' +
      'organization, limited to its scopes (resource:access, e.g. catalogs:read); no CSRF token is needed.',
  });
}

function openApiConfig(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ISMAP Hub API',
      version,
      description:
        'JSON API of ISMAP Hub. Authenticate with POST /auth/login (session cookie); send the X-CSRF-Token header ' +
        'from GET /auth/session on every write. Automation: send `Authorization: Bearer <API token>` instead (no ' +
        'cookie, no CSRF token); each operation names the token scope it needs. Errors: { error: { code, message, issues? } } with an X-Request-Id header.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ cookieAuth: [] }, { bearerAuth: [] }] as Record<string, string[]>[],
  };
}

/**
 * The OpenAPI document without a running server or database (routes only register here; deps are read per
 * request). The web app's types are generated from it: `npm run generate:api`.
 */
export function buildOpenApiDocument(version = '0.0.0') {
  const api = apiRouter();
  for (const m of apiModules) api.route('/', m());
  registerSecuritySchemes(api);
  return api.getOpenAPI31Document(openApiConfig(version));
}
