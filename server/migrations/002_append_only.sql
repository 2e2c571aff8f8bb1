-- History and audit rows are append-only: the database itself refuses to change or remove them,
-- whatever code runs against it.
create function xc_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end
$$;

create trigger ledger_history_append_only before update or delete on ledger_history
  for each row execute function xc_append_only();
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function xc_append_only();
create trigger ledger_history_no_truncate before truncate on ledger_history
  for each statement execute function xc_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function xc_append_only();
