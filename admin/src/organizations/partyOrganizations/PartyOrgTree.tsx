import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import ListIcon from '@mui/icons-material/List';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Collapse,
  IconButton,
  LinearProgress,
  List as MuiList,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import {
  Button,
  Link,
  RecordContextProvider,
  Title,
  TopToolbar,
  useGetList,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { TermEndField } from '../../common/TermEndField';
import { KindField } from './KindField';
import { ORG_KINDS } from './orgKinds';

interface OrgNode extends RaRecord {
  name: string;
  kind: string;
  parentId: string | null;
  termEnd: string | null;
  unitIds: string[];
}

/** Committees before branches, then by name: the bureau's own reading order. */
const byKindThenName = (a: OrgNode, b: OrgNode) =>
  ORG_KINDS.indexOf(a.kind as (typeof ORG_KINDS)[number]) - ORG_KINDS.indexOf(b.kind as (typeof ORG_KINDS)[number]) ||
  a.name.localeCompare(b.name, 'zh-CN', { numeric: true });

const Node = ({
  org,
  level,
  childrenOf,
  expanded,
  toggle,
}: {
  org: OrgNode;
  level: number;
  childrenOf: Map<string | null, OrgNode[]>;
  expanded: Set<string>;
  toggle: (id: string) => void;
}) => {
  const translate = useTranslate();
  const children = childrenOf.get(String(org.id)) ?? [];
  const open = expanded.has(String(org.id));
  return (
    <li role="treeitem" aria-label={org.name} aria-level={level} aria-expanded={children.length ? open : undefined}>
      <ListItem component="div" dense sx={{ pl: 1 + (level - 1) * 3 }}>
        <Box sx={{ width: 40, flexShrink: 0 }}>
          {children.length > 0 && (
            <IconButton
              size="small"
              aria-label={`${translate(open ? 'resources.party-organizations.collapse' : 'ra.action.expand')} ${org.name}`}
              onClick={() => toggle(String(org.id))}
            >
              {open ? <ExpandLess /> : <ExpandMore />}
            </IconButton>
          )}
        </Box>
        <RecordContextProvider value={org}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Link to={`/party-organizations/${encodeURIComponent(String(org.id))}/show`}>{org.name}</Link>
            <KindField source="kind" />
            {children.length > 0 && (
              <Typography variant="caption" color="text.secondary">
                {translate('resources.party-organizations.children_count', { count: children.length })}
              </Typography>
            )}
            {org.termEnd && (
              <Typography variant="caption" color="text.secondary" component="span">
                {translate('resources.party-organizations.fields.termEnd')}：<TermEndField source="termEnd" />
              </Typography>
            )}
          </Stack>
        </RecordContextProvider>
      </ListItem>
      {children.length > 0 && (
        <Collapse in={open} unmountOnExit>
          <MuiList role="group" disablePadding>
            {children.map((child) => (
              <Node
                key={child.id}
                org={child}
                level={level + 1}
                childrenOf={childrenOf}
                expanded={expanded}
                toggle={toggle}
              />
            ))}
          </MuiList>
        </Collapse>
      )}
    </li>
  );
};

/**
 * The organisations as a tree under the bureau Party committee, built from the list's parentId.
 * The top level starts expanded; each node folds and unfolds on its own.
 */
export const PartyOrgTree = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<OrgNode>('party-organizations', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'name', order: 'ASC' },
  });
  const childrenOf = useMemo(() => {
    const ids = new Set((data ?? []).map((org) => String(org.id)));
    const map = new Map<string | null, OrgNode[]>();
    for (const org of data ?? []) {
      // An organisation whose parent is not visible is shown at the top rather than lost.
      const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
      map.set(parent, [...(map.get(parent) ?? []), org]);
    }
    for (const list of map.values()) list.sort(byKindThenName);
    return map;
  }, [data]);
  const roots = childrenOf.get(null) ?? [];
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const shown = expanded ?? new Set(roots.map((org) => String(org.id)));
  const toggle = (id: string) => {
    const next = new Set(shown);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  const parents = [...childrenOf.keys()].filter((id): id is string => id !== null);
  return (
    <Box>
      <Title title="resources.party-organizations.tree" />
      <TopToolbar>
        <Button label="resources.party-organizations.expand_all" onClick={() => setExpanded(new Set(parents))}>
          <ExpandMore />
        </Button>
        <Button label="resources.party-organizations.collapse_all" onClick={() => setExpanded(new Set())}>
          <ExpandLess />
        </Button>
        <Button label="ra.action.list" component={Link} to="/party-organizations">
          <ListIcon />
        </Button>
      </TopToolbar>
      <Card>
        <CardContent>
          {isPending ? (
            <LinearProgress />
          ) : error ? (
            <Alert severity="error">{error.message}</Alert>
          ) : roots.length === 0 ? (
            <Typography color="text.secondary">{translate('resources.party-organizations.tree_empty')}</Typography>
          ) : (
            <MuiList role="tree" aria-label={translate('resources.party-organizations.tree')} disablePadding>
              {roots.map((org) => (
                <Node key={org.id} org={org} level={1} childrenOf={childrenOf} expanded={shown} toggle={toggle} />
              ))}
            </MuiList>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
