// Drives the paper trading service with Alpaca's official JavaScript SDK, unchanged: only its base URL points here.
// Prints "OK <step>" per step and "ALL OK" at the end; any failure exits non-zero with the reason.
const Alpaca = require("@alpacahq/alpaca-trade-api");

const alpaca = new Alpaca({
  keyId: process.env.TRADING_KEY_ID,
  secretKey: process.env.TRADING_SECRET_KEY,
  paper: true,
  baseUrl: process.env.TRADING_BASE_URL,
});

function check(condition, message) {
  if (!condition) {
    throw new Error("check failed: " + message);
  }
}

function ok(step) {
  console.log("OK " + step);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const clock = await alpaca.getClock();
  check(typeof clock.is_open === "boolean" && clock.next_close, "clock " + JSON.stringify(clock));
  ok("getClock");

  const account = await alpaca.getAccount();
  check(Number(account.cash) > 0 && account.currency === "USD", "account " + JSON.stringify(account));
  ok("getAccount");

  const order = await alpaca.createOrder({
    symbol: "AAPL", qty: 5, side: "buy", type: "market", time_in_force: "day", client_order_id: "sdk:c1:AAPL:entry",
  });
  check(order.id && order.status === "new" && order.qty === "5", "createOrder " + JSON.stringify(order));
  ok("createOrder");

  const byClient = await alpaca.getOrderByClientId("sdk:c1:AAPL:entry");
  check(byClient.id === order.id, "getOrderByClientId");
  ok("getOrderByClientId");

  let filled = await alpaca.getOrder(order.id);
  for (let i = 0; i < 300 && filled.status !== "filled"; i++) {
    await sleep(100);
    filled = await alpaca.getOrder(order.id);
  }
  check(filled.status === "filled" && Number(filled.filled_avg_price) > 0, "fill " + JSON.stringify(filled));
  ok("getOrder filled at " + filled.filled_avg_price);

  const limit = await alpaca.createOrder({
    symbol: "MSFT", qty: "2", side: "buy", type: "limit", limit_price: "100.00", time_in_force: "gtc",
  });
  const replaced = await alpaca.replaceOrder(limit.id, { qty: "3", limit_price: "101.00" });
  check(replaced.replaces === limit.id && replaced.qty === "3", "replaceOrder " + JSON.stringify(replaced));
  ok("replaceOrder");
  await alpaca.cancelOrder(replaced.id);
  const canceled = await alpaca.getOrder(replaced.id);
  check(canceled.status === "canceled", "cancelOrder " + canceled.status);
  ok("cancelOrder");

  const orders = await alpaca.getOrders({ status: "all", limit: 10, direction: "asc" });
  check(Array.isArray(orders) && orders.length >= 3, "getOrders " + orders.length);
  ok("getOrders");

  const positions = await alpaca.getPositions();
  check(positions.length === 1 && positions[0].symbol === "AAPL" && positions[0].qty === "5", "getPositions");
  const position = await alpaca.getPosition("AAPL");
  check(position.side === "long", "getPosition");
  ok("getPositions");

  const activities = await alpaca.getAccountActivities({ activityTypes: "FILL", direction: "desc", pageSize: 10 });
  check(activities.length === 1 && activities[0].order_id === order.id && activities[0].type === "fill",
    "getAccountActivities " + JSON.stringify(activities));
  ok("getAccountActivities");

  const history = await alpaca.getPortfolioHistory({ period: "1D", timeframe: "1Min" });
  check(Array.isArray(history.equity) && history.equity.length === history.timestamp.length, "getPortfolioHistory");
  ok("getPortfolioHistory");

  try {
    await alpaca.createOrder({ symbol: "AAPL", qty: -1, side: "buy", type: "market", time_in_force: "day" });
    throw new Error("a negative qty was accepted");
  } catch (e) {
    check(e.response && e.response.status === 422 && e.response.data.message, "bad order " + e.message);
  }
  ok("refusal 422: " + "negative qty");

  const close = await alpaca.closePosition("AAPL");
  check(close.side === "sell" && close.qty === "5", "closePosition " + JSON.stringify(close));
  ok("closePosition");

  console.log("ALL OK");
}

main().catch((e) => {
  console.error("FAILED: " + (e.response ? e.response.status + " " + JSON.stringify(e.response.data) : e.stack));
  process.exit(1);
});
