-- Protected persons (adressebeskyttelse): the population register marks people whose address must
-- never be shown — STRENGT_FORTROLIG (kode 6) or FORTROLIG (kode 7); NULL for everyone else.
-- Only staff with the protected-person role may open their cases (velferd_domain::staff).
-- Keep in step with ../postgres/0009_protected_persons.sql.
ALTER TABLE people ADD COLUMN adressebeskyttelse TEXT;
-- Who has read this case, for auditors and the office.
CREATE INDEX audit_by_application ON audit_log (application_id, seq);
