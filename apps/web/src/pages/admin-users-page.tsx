import { Button, Tag } from 'nhsuk-react-components';
import { Link, useNavigate } from 'react-router';
import { Pagination, usePageParam } from '../common/pagination';
import { ROLE_NAMES } from '../admin/formats';
import { count } from '../common/formats';
import { useUsers } from '../admin/users';
import { useTitle } from '../layout/use-title';
import { ApiErrorSummary, Loading } from '../layout/status';
import { TableScroll } from '../common/table-scroll';

/** Every user, a page at a time (the page in the URL), each linking to their page. */
export function AdminUsersPage() {
  const page = usePageParam();
  const users = useUsers(page);
  const navigate = useNavigate();
  useTitle(page > 1 ? `Users, page ${page}` : 'Users', users.isError);
  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">Admin</span>
        Users
      </h1>
      <Button type="button" onClick={() => void navigate('/admin/users/new')}>
        Add a user
      </Button>
      {users.isError && (
        <ApiErrorSummary title="The users cannot be shown" error={users.error} retry={() => void users.refetch()} />
      )}
      {users.isPending && <Loading what="the users" />}
      {users.data && (
        <>
          <TableScroll label="Users table">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">
                Users ({count(users.data.total)}), page {users.data.page}
              </caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail address</th>
                  <th scope="col">Role</th>
                  <th scope="col">Region</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                    </th>
                    <td>{u.email}</td>
                    <td>{ROLE_NAMES[u.role]}</td>
                    <td>{u.regionCode ?? 'None'}</td>
                    <td>{u.active ? <Tag modifier="green">Active</Tag> : <Tag modifier="grey">Deactivated</Tag>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            total={users.data.total}
            page={users.data.page}
            pageSize={users.data.pageSize}
            label="Pages of users"
            around={2}
          />
        </>
      )}
    </>
  );
}
