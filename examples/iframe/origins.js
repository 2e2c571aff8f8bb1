// Which origins may talk to which. In your deployment these are constants, e.g.
//   portal: ['https://oa.example.gov.cn'], frame: 'https://xc.example.gov.cn'
// This example runs both pages from one server under two names of the same machine:
// http://localhost:<port> and http://127.0.0.1:<port> are two origins to a browser.
const other = (origin) => {
  const u = new URL(origin);
  u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return u.origin;
};
/** The portal's origin as the frame knows it (the only one it takes messages from). */
export const PORTAL_ORIGINS = [other(location.origin)];
/** The frame's origin as the portal knows it. */
export const FRAME_ORIGIN = other(location.origin);
