import type { GraphqlClient } from '../api/client';
import { LOGIN, type LoginResult } from '../api/queries';
import { bi, h } from '../dom';
import { type Session, sessionOf } from '../session';
import { errorText } from './panel';

/** Email and password, the same `login` mutation as every other client. */
export function renderLogin(
  root: HTMLElement,
  api: GraphqlClient,
  onSession: (session: Session) => void,
): void {
  const email = h('input', {
    id: 'email',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { class: 'status error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, bi('Sign in', '登录'));
  const form = h(
    'form',
    { class: 'login', 'aria-labelledby': 'login-title' },
    h('h2', { id: 'login-title' }, bi('Sign in', '登录')),
    h('label', { for: 'email' }, bi('Email', '邮箱')),
    email,
    h('label', { for: 'password' }, bi('Password', '密码')),
    password,
    submit,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    api
      .request<LoginResult>(LOGIN, { email: email.value, password: password.value })
      .then(({ login }) => {
        if (!login) throw new Error(bi('Wrong email or password', '邮箱或密码错误'));
        onSession(sessionOf(login));
      })
      .catch((failure) => {
        error.textContent = errorText(failure);
        submit.disabled = false;
        password.focus();
      });
  });
  root.replaceChildren(form);
  email.focus();
}
