-- The county dashboard counts a year's filings across every township: by filing time, not by org.
CREATE INDEX staff_filings_filed_idx ON staff_filings (filed_at);
