// Which of a run's services a service asks over HTTP, as the environment it reads them from.
import { serviceUrl, type ServiceDefinition } from '../../platform/services.ts';
import type { ServiceName } from './platform.ts';

// The projection's target beside what it asks: the fault platform imports both from here.
export { projectionTarget } from './projection-target.ts';

/** The URLs a service asks its peers at: this run's services, not the ones on the usual ports. */
export function peersOf(
  name: ServiceName,
  services: ReadonlyMap<ServiceName, { readonly definition: ServiceDefinition }>,
): Record<string, string> {
  const url = (peer: ServiceName) => {
    const supervised = services.get(peer);
    return supervised ? serviceUrl(supervised.definition) : undefined;
  };
  // Training looks phone numbers up in the registry; the projection asks the KPI service and the registry.
  const wanted: Record<string, ServiceName> =
    name === 'training'
      ? { REGISTRY_URL: 'registry' }
      : name === 'projection'
        ? { KPI_URL: 'kpi', REGISTRY_URL: 'registry' }
        : {};
  return Object.fromEntries(
    Object.entries(wanted).flatMap(([variable, peer]) => {
      const at = url(peer);
      return at ? [[variable, at]] : [];
    }),
  );
}
