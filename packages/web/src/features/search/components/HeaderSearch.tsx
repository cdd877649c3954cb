/**
 * The search box in the header: Enter (or the button) opens /search with the words. A plain form
 * with Input.Search's look (app/global.css `.plain-search`): antd's Input brings its Password, OTP
 * and TextArea with it, ~12 KB compressed on every signed-in page.
 */
import { useState } from 'react';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { SEARCH_QUERY_MAX } from '@township-office/domain/search-limits';

export function HeaderSearch({ narrow }: { narrow: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [words, setWords] = useState('');
  return (
    <form
      role="search"
      className="plain-search"
      data-testid="header-search"
      style={{ width: narrow ? 120 : 240 }}
      onSubmit={(e) => {
        e.preventDefault();
        const q = words.trim();
        if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <input
        type="search"
        value={words}
        onChange={(e) => setWords(e.target.value)}
        maxLength={SEARCH_QUERY_MAX}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
      />
      <button type="submit" aria-label={t('search.heading')}>
        <SearchOutlined />
      </button>
    </form>
  );
}
