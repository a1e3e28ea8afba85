/** PLACEHOLDER (owned by the accounts/renderer helper): the app shell. */
export function App() {
  return <main>Authdesk</main>;
}
