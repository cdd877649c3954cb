-- A province above its counties (issue 14): the province's dashboard groups its counties, and two
-- roles read it. A county under a province has the province as parent; a county on its own (every
-- installation so far) stays the root of its tree.
ALTER TABLE orgs DROP CONSTRAINT orgs_kind_check;
ALTER TABLE orgs ADD CONSTRAINT orgs_kind_check CHECK (kind IN ('province', 'county', 'county_office', 'township', 'county_department'));
ALTER TABLE orgs DROP CONSTRAINT orgs_check;
ALTER TABLE orgs ADD CONSTRAINT orgs_check CHECK (
  CASE kind WHEN 'province' THEN parent_id IS NULL WHEN 'county' THEN true ELSE parent_id IS NOT NULL END
);

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('county_admin', 'county_staff', 'office_staff', 'leader_in_charge',
  'principal_leader', 'system_admin', 'security_admin', 'audit_admin', 'province_admin', 'province_staff'));
