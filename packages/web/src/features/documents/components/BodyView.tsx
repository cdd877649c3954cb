/** The body as the reader sees it: 仿宋-like face, first line indented two characters, headings in their faces. */
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { fromBody } from './body.ts';

export function BodyView({ body, testId }: { body: string | null; testId?: string }) {
  const t = useT();
  const lines = (body ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const levels = fromBody(body);
  return (
    <div className="doc-body" data-testid={testId}>
      {lines.length === 0 ? (
        <p style={{ color: '#999' }}>{t('documents.slip.bodyEmpty')}</p>
      ) : (
        lines.map((l, i) => (
          <p key={i} className={levels[i] && levels[i]!.level > 0 ? `h${levels[i]!.level}` : undefined}>
            {l.trim()}
          </p>
        ))
      )}
    </div>
  );
}
