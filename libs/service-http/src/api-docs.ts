import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withStandardResponses } from './api-responses.ts';

export interface ApiDocs {
  readonly title: string;
  readonly description: string;
  /**
   * Schemas of the answers, by component name, for the `$ref`s of the controllers' `@ApiOkResponse`
   * (the answers are interfaces, which Nest cannot describe on its own). Only those the document's
   * operations point at go in it, so every service can give the contracts' whole list.
   */
  readonly schemas?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** OpenAPI at /docs (UI) and /docs-json, generated from the controllers and their DTOs. */
export function mountApiDocs(app: INestApplication, { title, description, schemas = {} }: ApiDocs): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(
      `${description} Errors are RFC 9457 problem details naming the field and the reason. ` +
        'Writes accept an Idempotency-Key header: a retry with the same key gets the first answer.',
    )
    .setVersion('0.1.0')
    // Every endpoint but health and docs needs a token (ADR 0022); /docs' Authorize button takes one.
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'A JWT from the identity provider the services trust (its `iss`, the `aud` configured, ' +
        '`nhip` by default, and an `exp`): `sub` (who), `role`, and for every role ' +
        'but admin `unit`, the unit whose subtree the caller works in; optionally `unit_tree`, the ' +
        'unit tree version that code is of (e.g. vn-2024), for a unit named in a former tree’s codes.',
    })
    .build();
  SwaggerModule.setup(
    'docs',
    app,
    () => withStandardResponses(SwaggerModule.createDocument(app, config), schemas),
    {
      jsonDocumentUrl: 'docs-json',
    },
  );
}
