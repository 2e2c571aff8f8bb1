// The reference back end uses only Pool, query, connect and release of 'pg'.
declare module 'pg';
