<p>Rate limits are determined globally for the entire API. Each API key is limited to 250 or 1,500 requests per day, depending on the active subscription.</p>

<p>If you hit the rate limit, you will receive an <a href="#errors-rate-limit">HTTP 429</a> error.</p>
