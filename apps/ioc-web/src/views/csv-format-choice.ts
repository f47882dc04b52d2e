// Beside the download: which Excel the file is for (csv-format.ts), in the language in force.
// Rebuilt only when the language changes, so a snapshot arriving does not close an open list.
import { byId, h } from '../dom.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import { chooseCsvFormat, csvFormat, type CsvFormat } from './csv-format.ts';

const label = { vi: 'csvFormatVi', en: 'csvFormatEn' } as const;

export function renderCsvFormatChoice(): void {
  const select = byId('csv-format') as HTMLSelectElement;
  if (select.dataset['lang'] === currentLang()) return;
  select.dataset['lang'] = currentLang();
  byId('csv-format-label').textContent = t('csvFormat');
  select.title = t('csvFormatHint');
  select.replaceChildren(
    ...(['vi', 'en'] as const).map((format) =>
      h('option', { value: format, ...(format === csvFormat() ? { selected: '' } : {}) }, t(label[format])),
    ),
  );
  select.onchange = () => chooseCsvFormat(select.value as CsvFormat);
}
