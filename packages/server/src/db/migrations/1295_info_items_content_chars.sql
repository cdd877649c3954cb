-- The information ranking counts long pieces: items of at least long_piece_min_chars characters with
-- their whitespace aside, as the domain's isLongPiece counts them (JavaScript's \s). Stripping every
-- item's whitespace with a regular expression at each reading was most of the ranking's time over a
-- year of items (the assessment's two information metrics read it); the count is now kept with the
-- item, computed by PostgreSQL whenever the content is written. The class is JavaScript's \s spelled
-- out (information.repository.ts JS_WHITESPACE says why PostgreSQL's own \s is not enough).
ALTER TABLE info_items ADD COLUMN content_chars integer
  GENERATED ALWAYS AS (char_length(regexp_replace(content, '[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]', '', 'g'))) STORED;
