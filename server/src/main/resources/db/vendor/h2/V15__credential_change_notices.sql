-- PostgreSQL's V15 announces credential changes to listening servers (NOTIFY). H2 has no such
-- notices, and the server keeps no credentials in memory on it: every request reads its own.
-- This version exists on H2 too so that both databases number their migrations alike.
select 1;
