// What the services answer over HTTP, as OpenAPI 3.0 schemas:
// each service's /docs-json describes its answers with them (the projection's, the registry's and
// the KPI service's answers it passes on too), so a client generated from a document types the
// answers, not only the errors. Every end-to-end call checks its answer against the document it
// was served by (libs/testing's documented answers), which keeps these in step with the code
// (ADR 0054).
import { activityHistory, campaign } from './activity-answers.ts';
import { explanation } from './explanation-answer.ts';
import {
  activityHealth,
  kpiHealth,
  projectionHealth,
  registryHealth,
  trainingHealth,
} from './health-answers.ts';
import { assignedTarget, groupingDefined, rebuildOutcome, reportedStatistic } from './kpi-input-answers.ts';
import {
  activityCorrected,
  activityEvents,
  activityLogged,
  activityVoided,
  courseDefined,
  sessionPlanned,
} from './public-event-answers.ts';
import {
  catalogAnswer,
  comparisonLine,
  formerUnitIndicators,
  formulaOperand,
  indicatorDefinition,
  indicatorValue,
  metricDefinition,
  name,
  seriesAnswer,
  unitIndicators,
} from './indicator-answers.ts';
import { carryOver, carryOvers } from './carry-over-answer.ts';
import { ref, type OpenApiSchema } from './openapi-schema.ts';
import {
  lineageRecorded,
  memberLookups,
  memberRegistered,
  personalData,
  personalDataAudit,
  unitListImported,
  villageRegistered,
} from './registry-write-answers.ts';
import { liveStream, streamChange, streamEnd, streamReset } from './stream-answer.ts';
import { summaryIndicator, unitSummary } from './summary-answer.ts';
import { course, courses, session, sessions, sessionWithReach } from './training-answers.ts';
import {
  coverageReport,
  foundUnits,
  teamDetail,
  teamsPage,
  unit,
  unitDetail,
  unitsInForce,
} from './unit-answers.ts';
import {
  attendanceAccepted,
  attendanceDuplicate,
  attendanceVerdict,
  attendanceVerdicts,
  bulkVerdicts,
  fieldProblem,
} from './verdict-answers.ts';

export type { OpenApiSchema } from './openapi-schema.ts';
export { openApiOf } from './public-event-answers.ts';

/** The schemas, by the names the documents' components give them. */
export const answerSchemas = {
  Name: name,
  ComparisonLine: comparisonLine,
  FormulaOperand: formulaOperand,
  IndicatorDefinition: indicatorDefinition,
  IndicatorValue: indicatorValue,
  UnitIndicators: unitIndicators,
  FormerUnitIndicators: formerUnitIndicators,
  IndicatorSeries: seriesAnswer,
  MetricDefinition: metricDefinition,
  Catalog: catalogAnswer,
  Explanation: explanation,
  SummaryIndicator: summaryIndicator,
  UnitSummary: unitSummary,
  Unit: unit,
  UnitsInForce: unitsInForce,
  UnitDetail: unitDetail,
  FoundUnits: foundUnits,
  CoverageReport: coverageReport,
  TeamsPage: teamsPage,
  TeamDetail: teamDetail,
  Campaign: campaign,
  ActivityHistory: activityHistory,
  ActivityLogged: activityLogged,
  ActivityCorrected: activityCorrected,
  ActivityVoided: activityVoided,
  ActivityEvents: activityEvents,
  SessionPlanned: sessionPlanned,
  CourseDefined: courseDefined,
  AssignedTarget: assignedTarget,
  ReportedStatistic: reportedStatistic,
  GroupingDefined: groupingDefined,
  Course: course,
  Courses: courses,
  Session: session,
  Sessions: sessions,
  SessionWithReach: sessionWithReach,
  VillageRegistered: villageRegistered,
  MemberRegistered: memberRegistered,
  UnitListImported: unitListImported,
  LineageRecorded: lineageRecorded,
  CarryOver: carryOver,
  CarryOvers: carryOvers,
  PersonalData: personalData,
  PersonalDataAudit: personalDataAudit,
  MemberLookups: memberLookups,
  FieldProblem: fieldProblem,
  BulkVerdicts: bulkVerdicts,
  AttendanceVerdict: attendanceVerdict,
  AttendanceAccepted: attendanceAccepted,
  AttendanceDuplicate: attendanceDuplicate,
  AttendanceVerdicts: attendanceVerdicts,
  RebuildOutcome: rebuildOutcome,
  LiveStream: liveStream,
  StreamChange: streamChange,
  StreamReset: streamReset,
  StreamEnd: streamEnd,
  RegistryHealth: registryHealth,
  ActivityHealth: activityHealth,
  TrainingHealth: trainingHealth,
  KpiHealth: kpiHealth,
  ProjectionHealth: projectionHealth,
} as const satisfies Readonly<Record<string, OpenApiSchema>>;

/** `schema` of an `@ApiOkResponse` that answers one of the above. */
export const answerSchema = (schemaName: keyof typeof answerSchemas): OpenApiSchema => ref(schemaName);
