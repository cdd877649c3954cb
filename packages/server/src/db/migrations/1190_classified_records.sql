-- Classified paper records (issue 13): the 保密期限 beside the 密级 (printed 秘密★1年, 绝密★长期;
-- GB/T 9704—2012 7.2.2), and the way the paper original travelled (机要交通, 机要通信, 专人送达).
-- The 份号 stay in copy_numbers (6 digits each, GB/T 9704—2012 7.2.1; checked by the API's schemas).
-- Only a classified record has a period; 长期 has no number, every other unit one.
ALTER TABLE documents
  ADD COLUMN secrecy_unit text CHECK (secrecy_unit IN ('year', 'month', 'day', 'long_term')),
  ADD COLUMN secrecy_amount integer CHECK (secrecy_amount BETWEEN 1 AND 99),
  ADD COLUMN paper_channel text CHECK (paper_channel IN ('secure_courier', 'secure_post', 'by_hand')),
  ADD CONSTRAINT documents_secrecy_classified CHECK (secrecy_unit IS NULL OR classification <> 'none'),
  ADD CONSTRAINT documents_secrecy_amount CHECK ((secrecy_amount IS NULL) = (secrecy_unit IS NULL OR secrecy_unit = 'long_term')),
  ADD CONSTRAINT documents_paper_channel_paper CHECK (paper_channel IS NULL OR channel = 'paper');

ALTER TABLE incoming
  ADD COLUMN secrecy_unit text CHECK (secrecy_unit IN ('year', 'month', 'day', 'long_term')),
  ADD COLUMN secrecy_amount integer CHECK (secrecy_amount BETWEEN 1 AND 99),
  ADD COLUMN paper_channel text CHECK (paper_channel IN ('secure_courier', 'secure_post', 'by_hand')),
  ADD CONSTRAINT incoming_secrecy_classified CHECK (secrecy_unit IS NULL OR classification <> 'none'),
  ADD CONSTRAINT incoming_secrecy_amount CHECK ((secrecy_amount IS NULL) = (secrecy_unit IS NULL OR secrecy_unit = 'long_term')),
  ADD CONSTRAINT incoming_paper_channel_paper CHECK (paper_channel IS NULL OR channel = 'paper');
