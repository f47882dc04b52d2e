// What the KPI service and the projection answer over HTTP, as OpenAPI 3.0 schemas: the KPI
// service's /docs-json and the projection's (its summary, and the series and explanations it passes
// on from the KPI service) describe their answers with them, so a client generated from either
// document types the answers, not only the errors. Every end-to-end call checks its answer against
// the document it was served by (libs/testing's documented answers), which keeps these in step
// with the code (ADR 0054).
import { explanation } from './explanation-answer.ts';
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
import { ref, type OpenApiSchema } from './openapi-schema.ts';
import { summaryIndicator, unitSummary } from './summary-answer.ts';

export type { OpenApiSchema } from './openapi-schema.ts';

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
} as const satisfies Readonly<Record<string, OpenApiSchema>>;

/** `schema` of an `@ApiOkResponse` that answers one of the above. */
export const answerSchema = (schemaName: keyof typeof answerSchemas): OpenApiSchema => ref(schemaName);
