-- Each ledger item in a row of its own, with `version`: the ledger version at which the item last
-- changed. An item write then stores one item (not the whole ledger), and a write based on an
-- older ledger version conflicts only when THIS item changed since (per-item optimistic concurrency).
-- `ledgers.data` keeps the ledger's own members (title, unit…); its items are here, in `position` order.
create table ledger_items (
  ledger_id text not null references ledgers (id),
  item_id text not null,
  position integer not null check (position >= 0),
  version integer not null check (version > 0),
  data jsonb not null,
  primary key (ledger_id, item_id)
);
create index ledger_items_position on ledger_items (ledger_id, position);
create index ledger_items_version on ledger_items (ledger_id, version);

insert into ledger_items (ledger_id, item_id, position, version, data)
  select l.id, e.value ->> 'id', (e.ordinality - 1)::integer, l.version, e.value
  from ledgers l
  cross join lateral jsonb_array_elements(case when jsonb_typeof(l.data -> 'items') = 'array' then l.data -> 'items' else '[]'::jsonb end)
    with ordinality as e(value, ordinality);

update ledgers set data = data - 'items';
