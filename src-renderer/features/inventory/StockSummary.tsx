import { SimpleGrid } from '@mantine/core';
import { memo } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import type { Area } from '../../../shared/domain';
import { plural } from '../../ui/format';
import { StatCard } from '../../ui/StatCard';
import { useMoney } from '../auth/signed-in';
import { sumStockValue } from './stock-math';

interface StockSummaryProps {
  area: Area;
  /** Worked out by the core over the whole area. */
  totalValue: string;
  itemCount: number;
  shown: readonly Item[];
  filtering: boolean;
  toOrder: number;
}

/** Rendered again when the list shown changes, not on the keystroke that will change it. */
export const StockSummary = memo(function StockSummary({
  area,
  totalValue,
  itemCount,
  shown,
  filtering,
  toOrder,
}: StockSummaryProps) {
  const formatMoney = useMoney();
  return (
    <SimpleGrid cols={3} spacing="md">
      <StatCard
        label={`${area} stock value`}
        value={formatMoney(totalValue)}
        caption={`${plural(itemCount, 'item')}`}
      />
      <StatCard
        label="Value shown"
        value={formatMoney(filtering ? sumStockValue(shown) : totalValue)}
        caption={
          filtering
            ? `${plural(shown.length, 'item')} ${shown.length === 1 ? 'matches' : 'match'} the filters`
            : 'All items shown'
        }
      />
      <StatCard
        label="To order"
        value={plural(toOrder, 'item')}
        color={toOrder > 0 ? 'orange.8' : undefined}
        caption="Below par or negative"
      />
    </SimpleGrid>
  );
});
