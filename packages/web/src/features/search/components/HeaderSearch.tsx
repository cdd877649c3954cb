/** The search box in the header: Enter opens /search with the words. */
import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { SEARCH_QUERY_MAX } from '@township-office/domain/search-limits';

export function HeaderSearch({ narrow }: { narrow: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Input.Search
      allowClear
      maxLength={SEARCH_QUERY_MAX}
      placeholder={t('search.placeholder')}
      aria-label={t('search.placeholder')}
      data-testid="header-search"
      style={{ width: narrow ? 120 : 240, verticalAlign: 'middle' }}
      onSearch={(v) => v.trim() && navigate(`/search?q=${encodeURIComponent(v.trim())}`)}
    />
  );
}
