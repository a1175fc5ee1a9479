import { fireEvent, screen, waitFor } from '@testing-library/react';
import { annaLogin } from '../../test/fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { renderWithStore } from '../../test/render-with-store';
import { AUTH_STORAGE_KEY } from './auth-storage';
import { LoginPage } from './LoginPage';

function fillInAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('posts the email and password and stores the session it gets back', async () => {
    let answer: (response: Response) => void = () => {};
    const fetchMock = mockFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { store } = renderWithStore(<LoginPage />);

    fillInAndSubmit(' anna@demo.local ', 'demo1234');

    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
    expect(store.getState().auth.token).toBeNull();

    answer(jsonResponse(annaLogin));

    await waitFor(() => expect(store.getState().auth.token).toBe('token-of-anna'));
    expect(store.getState().auth.user?.name).toBe('Anna Petrova');
    expect(JSON.parse(localStorage.getItem(AUTH_STORAGE_KEY) ?? 'null')).toMatchObject({ token: 'token-of-anna' });

    const [request] = requestsOf(fetchMock);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(request.method).toBe('POST');
    expect(pathOf(request)).toBe('/api/auth/login');
    expect(request.headers.get('Authorization')).toBeNull();
    expect(await request.json()).toEqual({ email: 'anna@demo.local', password: 'demo1234' });
  });

  it("shows the server's message when the credentials are refused (401)", async () => {
    mockFetch(() =>
      jsonResponse({ statusCode: 401, message: 'Wrong email or password', error: 'Unauthorized' }, 401),
    );
    const { store } = renderWithStore(<LoginPage />);

    fillInAndSubmit('anna@demo.local', 'nope');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
    expect(store.getState().auth.token).toBeNull();
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('says so in plain words when the server cannot be reached', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    renderWithStore(<LoginPage />);

    fillInAndSubmit('anna@demo.local', 'demo1234');

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the Autofunnel server');
  });
});
