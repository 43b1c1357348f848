// The mini-program's entry. The backend is chosen in services/transport.ts from configuration;
// app.ts holds no state that pages share.
App<IAppOption>({
  globalData: {},
});
