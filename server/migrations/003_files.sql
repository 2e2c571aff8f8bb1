-- Evidence files. Bytes are kept once per SHA-256 (the same photo attached twice is stored once);
-- each attachment is a metadata row pointing at them, owned by a unit (null: the office's own).
create table file_blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size >= 0),
  data bytea not null,
  created_at timestamptz not null default now()
);

create table files (
  id text primary key,
  sha256 text not null references file_blobs (sha256),
  name text not null,
  type text not null,
  size bigint not null check (size >= 0),
  unit text,
  ledger_id text,
  uploaded_by text not null,
  created_at timestamptz not null default now()
);
create index files_sha256 on files (sha256);

-- An upload in progress: chunks arrive in order (Content-Range), each kept as a row until the
-- last one, when the whole is hashed, type-checked and moved into file_blobs / files.
create table file_uploads (
  id text primary key,
  file_id text not null,
  sha256 text not null,
  name text not null,
  type text not null,
  size bigint not null check (size >= 0),
  unit text,
  ledger_id text,
  uploaded_by text not null,
  received bigint not null default 0,
  created_at timestamptz not null default now(),
  completed_at timestamptz
);

create table file_upload_chunks (
  upload_id text not null references file_uploads (id) on delete cascade,
  start_at bigint not null,
  data bytea not null,
  primary key (upload_id, start_at)
);
