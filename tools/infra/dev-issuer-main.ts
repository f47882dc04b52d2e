// The development issuer as its own process (started detached by ensureIssuer): discovery and
// JWKS on NHIP_ISSUER_PORT until SIGTERM.
import { devIssuerDir, startDevIssuer } from '@nhip/dev-issuer';

const port = Number(process.env['NHIP_ISSUER_PORT'] ?? 3100);
const issuer = await startDevIssuer({ dir: devIssuerDir, port });
process.stdout.write(`${JSON.stringify({ msg: 'development issuer listening', url: issuer.url })}\n`);
process.on('SIGTERM', () => {
  void issuer.close().then(() => process.exit(0));
});
