/**
 * Plain building blocks for what every sign-in shows first (the workbench, the header, every page's
 * title): elements with the look of Ant Design's Card, List and Typography (app/global.css, from
 * the theme's tokens), without their JavaScript. Card alone brings Tabs, List brings Pagination and
 * with it Select, Typography brings its ellipsis and copy machinery: together ~55 KB compressed of
 * the first page's scripts (measured by `npm run bench -- web`). Feature pages further in keep
 * using Ant Design's components; these are for the first page.
 */
import type { CSSProperties, HTMLAttributes, Key, ReactNode } from 'react';

/** A titled box with Card's look (title row, divider, padded body). */
export function Panel({
  title,
  extra,
  children,
  style,
  bodyStyle,
  ...rest
}: { title?: ReactNode; extra?: ReactNode; children?: ReactNode; style?: CSSProperties; bodyStyle?: CSSProperties } & Omit<
  HTMLAttributes<HTMLElement>,
  'title'
>) {
  return (
    <section className="plain-panel" style={style} {...rest}>
      {title || extra ? (
        <div className="plain-panel-head">
          <h2 className="plain-panel-title">{title}</h2>
          {extra}
        </div>
      ) : null}
      <div className="plain-panel-body" style={bodyStyle}>
        {children}
      </div>
    </section>
  );
}

/** Rows with List's small look: a hairline between rows, an optional action at each row's end. */
export function PlainList<T>({
  items,
  rowKey,
  render,
  actions,
  rowProps,
  ...rest
}: {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  actions?: (item: T) => ReactNode;
  rowProps?: (item: T) => HTMLAttributes<HTMLLIElement> & Record<`data-${string}`, string>;
} & HTMLAttributes<HTMLUListElement>) {
  return (
    <ul className="plain-list" {...rest}>
      {items.map((item) => {
        const action = actions?.(item);
        return (
          <li key={rowKey(item)} className="plain-list-row" {...rowProps?.(item)}>
            <div className="plain-list-main">{render(item)}</div>
            {action ? <div className="plain-list-action">{action}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Text with Typography.Text's variants: secondary (the description grey), strong, small (12 px). */
export function Txt({
  secondary,
  strong,
  small,
  className,
  ...rest
}: { secondary?: boolean; strong?: boolean; small?: boolean } & HTMLAttributes<HTMLSpanElement>) {
  const cls = ['plain-text', secondary && 'plain-text-secondary', strong && 'plain-text-strong', small && 'plain-text-small', className];
  return <span className={cls.filter(Boolean).join(' ')} {...rest} />;
}

/** The colours the first page's tags use, in Tag's filled look (status colours and two presets). */
export type TagColor = 'error' | 'warning' | 'processing' | 'default' | 'blue' | 'purple';

/** A tag with Tag's filled look (`color` as Tag's). */
export function PlainTag({ color = 'default', className, ...rest }: { color?: TagColor } & HTMLAttributes<HTMLSpanElement>) {
  return <span className={['plain-tag', `plain-tag-${color}`, className].filter(Boolean).join(' ')} {...rest} />;
}

/** A count bubble at the corner of its child, as Badge size="small" (nothing shown at 0). */
export function CountBadge({
  count,
  overflowCount = 99,
  children,
  ...rest
}: { count: number; overflowCount?: number; children: ReactNode } & HTMLAttributes<HTMLSpanElement>) {
  const text = count > overflowCount ? `${overflowCount}+` : String(count);
  return (
    <span className="plain-badge" {...rest}>
      {children}
      {count > 0 ? <sup className={text.length > 1 ? 'plain-badge-count plain-badge-wide' : 'plain-badge-count'}>{text}</sup> : null}
    </span>
  );
}

/** Empty's simple look: the grey tray and one line of text (no data, or a load that failed). */
export function PlainEmpty({ description, ...rest }: { description: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div className="plain-empty" {...rest}>
      <svg className="plain-empty-image" width="64" height="41" viewBox="0 0 64 41" aria-hidden="true">
        <g transform="translate(0 1)" fill="none" fillRule="evenodd">
          <ellipse fill="#f5f5f5" cx="32" cy="33" rx="32" ry="7" />
          <g fillRule="nonzero" stroke="#d9d9d9">
            <path d="M55 12.8 44.9 1.3Q44 0 42.9 0H21.1q-1.2 0-2 1.3L9 12.8V22h46z" />
            <path
              d="M41.6 16c0-1.7 1-3 2.2-3H55v18.1c0 2.2-1.3 3.9-3 3.9H12c-1.7 0-3-1.7-3-3.9V13h11.2c1.2 0 2.2 1.3 2.2 3s1 2.9 2.2 2.9h14.8c1.2 0 2.2-1.4 2.2-3"
              fill="#fafafa"
            />
          </g>
        </g>
      </svg>
      <div className="plain-empty-description">{description}</div>
    </div>
  );
}

/** Skeleton's active look while a panel's read is in flight: a title bar and `rows` lines, the last shorter. */
export function PlainSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="plain-skeleton" aria-busy="true">
      <div className="plain-skeleton-title" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="plain-skeleton-row" />
      ))}
    </div>
  );
}
