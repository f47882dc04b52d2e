// How old a report a caller may record. Volunteers report late and communes send sheets weeks
// after (domain brief): a commune officer records up to ACTIVITY_LATE_WINDOW_DAYS (60) after the
// activity. Older paper records are the operations centres' to enter, checked by them first: a
// district OC or the province's IOC (and the platform's admin) records up to
// ACTIVITY_OC_WINDOW_DAYS (400: the whole of last year while its report is written). ADR 0059.
import type { Principal } from '@nhip/auth';
import type { Role } from '@nhip/contracts';

export interface LateWindow {
  /** Reports of activities older than this many days are refused. */
  readonly days: number;
  /** Who records an older one and up to how old, said in a refusal it could take; none at the widest. */
  readonly olderRecordedBy: { readonly who: string; readonly days: number } | undefined;
}

export interface LateWindowDays {
  readonly lateWindowDays: number;
  readonly operationsCentreWindowDays: number;
}

/**
 * The roles that record, correct and void reports for the communes in their area (besides the
 * communes' own officers), past a commune's window too.
 */
export const recordsForCommunes: readonly Role[] = ['district-oc', 'ioc-operator', 'admin'];

export function lateWindowOf(caller: Pick<Principal, 'role'>, config: LateWindowDays): LateWindow {
  // Whatever a commune may record, an operations centre may too (a deployment that widens the
  // communes' window past 400 days widens theirs).
  if (recordsForCommunes.includes(caller.role))
    return {
      days: Math.max(config.operationsCentreWindowDays, config.lateWindowDays),
      olderRecordedBy: undefined,
    };
  const wider = config.operationsCentreWindowDays > config.lateWindowDays;
  return {
    days: config.lateWindowDays,
    olderRecordedBy: wider
      ? {
          who: "the district operations centre or the province's IOC",
          days: config.operationsCentreWindowDays,
        }
      : undefined,
  };
}
