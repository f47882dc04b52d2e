import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copy of foldNameSql('name') as shipped: a migration never changes with the code. A new
// fold is a new migration (and the schema spec fails until there is one).
const searchName =
  "btrim(regexp_replace(regexp_replace(lower(translate(normalize(name, NFC), 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[''’]', '', 'g'), '[^a-z0-9]+', ' ', 'g'))";

/**
 * Unit search (GET /units/search) compares names folded: without diacritics, lower case. PostgreSQL
 * keeps the folded name in a stored generated column, so a keystroke scans ~14,000 short strings
 * instead of folding every name again. TypeORM reads a generated column's expression back from
 * typeorm_metadata; the row names the database it is in, so this one says current_database()
 * where the generator wrote the name of the database it ran against.
 */
export class UnitSearchNames implements MigrationInterface {
  readonly name = 'UnitSearchNames1796299509932';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "rm_units" ADD "search_name" text GENERATED ALWAYS AS (${searchName}) STORED NOT NULL`,
    );
    await runner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'rm_units', 'GENERATED_COLUMN', 'search_name', $1)`,
      [searchName],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'rm_units'
       AND "name" = 'search_name' AND "database" = current_database() AND "schema" = current_schema()`,
    );
    await runner.query('ALTER TABLE "rm_units" DROP COLUMN "search_name"');
  }
}
