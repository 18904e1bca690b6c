'use strict';
// Posts the login form as JSON; the server sets an HttpOnly session cookie.
document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  const body = JSON.stringify({
    user: document.getElementById('login-user').value,
    password: document.getElementById('login-password').value,
  });
  try {
    const r = await fetch('/api/login', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body,
    });
    if (r.ok) {
      window.location.assign('/');
    } else {
      error.textContent = (await r.json()).error || ('login failed: ' + r.status);
    }
  } catch (e) {
    error.textContent = 'the switch does not answer: ' + e;
  }
});
