/**
 * The domain's labels (draft → 拟稿 / Draft / 擬稿) in the page's language. zh-CN and English come
 * from domain/labels.ts; zh-TW is the build's OpenCC conversion of the zh-CN tables
 * (vite-plugin-zh-tw.ts), installed here once.
 *
 *   const label = useLabel();
 *   { title: t('…status'), dataIndex: 'status', render: (s: DocumentStatus) => label('DOCUMENT_STATUS', s) }
 *   options={MEETING_KINDS.map((k) => ({ value: k, label: label('MEETING_KIND', k) }))}
 */
import { useCallback } from 'react';
import zhTW from 'virtual:zh-tw-labels';
import { labelOf, registerLabels, type LabelKey, type LabelMapName } from '@township-office/domain/labels';
import { useLang } from './I18nProvider.tsx';

registerLabels('zh-TW', zhTW);

export type LabelFunction = <M extends LabelMapName>(map: M, key: LabelKey<M> | (string & {})) => string;

/** `label(map, key)` in the current language; an unknown key is shown as it is. */
export function useLabel(): LabelFunction {
  const [lang] = useLang();
  return useCallback<LabelFunction>((map, key) => labelOf(map, key, lang), [lang]);
}

/** Select options of a label map's keys, in the current language, in the order given. */
export function useLabelOptions(): <M extends LabelMapName>(
  map: M,
  keys: readonly LabelKey<M>[],
) => { value: LabelKey<M>; label: string }[] {
  const label = useLabel();
  return useCallback((map, keys) => keys.map((k) => ({ value: k, label: label(map, k) })), [label]);
}
