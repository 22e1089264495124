export const ordersUrl = process.env.ORDERS_URL;
export const port = Number(process.env.API_PORT ?? 8080);
