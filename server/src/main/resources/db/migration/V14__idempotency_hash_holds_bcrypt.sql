-- A sign-up's request fingerprint is kept as a bcrypt hash (its body holds a password), longer
-- than the hex SHA-256 kept for every other request.
alter table idempotency_record alter column request_hash set data type varchar(100);
