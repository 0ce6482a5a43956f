import { DataTable, ReferenceField, useTranslate } from 'react-admin';
import { EndPositionButton } from './commands/EndPositionButton';

/** Posts as rows of the positions list; `manage` adds "end post" to the current ones. */
export const PositionsTable = ({ manage, showOrg = false }: { manage: boolean; showOrg?: boolean }) => {
  const translate = useTranslate();
  return (
    <DataTable bulkActionButtons={false} rowClick={false} resource="positions">
      {showOrg && <DataTable.Col source="orgName" />}
      <DataTable.Col source="memberName">
        <ReferenceField source="memberId" reference="members" />
      </DataTable.Col>
      <DataTable.Col
        source="title"
        render={(position) => translate(`choices.positionTitle.${position.title}`, { _: position.title })}
      />
      <DataTable.Col source="crossAppointment" disableSort render={(position) => position.crossAppointment ?? '—'} />
      <DataTable.Col source="from" />
      <DataTable.Col
        source="to"
        disableSort
        render={(position) => position.to ?? translate('resources.positions.current_post')}
      />
      {manage && (
        <DataTable.Col label="resources.positions.actions" disableSort>
          <EndPositionButton />
        </DataTable.Col>
      )}
    </DataTable>
  );
};
